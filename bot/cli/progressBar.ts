// A one-line progress bar on a terminal; silent when the output is not a TTY (CI, pipes).
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  let last = -1;
  return {
    update(done: number, total: number) {
      if (!stream.isTTY || total === 0) return;
      const pct = Math.floor((done / total) * 100);
      if (pct === last && done !== total) return;
      last = pct;
      const width = 30;
      const filled = Math.round((done / total) * width);
      stream.write(`\r${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} (${pct} %)`);
      if (done === total) stream.write('\n');
    },
  };
}
