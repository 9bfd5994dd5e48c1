// Tests use the same local connector as `npm run chat` and the benchmarks.
export { startFakeConnector, type Captured, type FakeConnector } from '../../bot/dev/localConnector.ts';
