// Where the lexicon's words and phrases occur in a message: every phrase at every position (a word may carry
// several cues: « suivant » is a page turn, « next » also "next label").
import { phrasesAt, type Cue } from './lexicon.ts';

const KEPT = new Set<Cue>(['my', 'we', 'apply', 'candidature', 'arobase', 'ten', 'labelName', 'becomeIt', 'declareLead', 'role', 'tenElig', 'tenList', 'notif', 'notifStop', 'notifStart', 'notifShow', 'notifOnly', 'notifAll', 'question']);

export type CueHit = { cue: Cue; start: number; end: number };

export function findCues(norms: readonly string[]): CueHit[] {
  const hits: CueHit[] = [];
  for (let i = 0; i < norms.length; i++) {
    for (const p of phrasesAt(norms, i)) hits.push({ cue: p.cue, start: i, end: i + p.words.length });
  }
  // The longest phrase wins: « c'est noté » is thanks, not the level's « note »; « previous labels » is history, not
  // a page turn. A word inside a longer phrase keeps only that phrase's cues.
  // Cues that say who or what (my town, applying, the label, a mention) are kept whatever contains them.
  return hits.filter((h) => KEPT.has(h.cue) || h.cue.startsWith('mention:')
    || !hits.some((o) => o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start));
}

/** The cues present, for quick tests. */
export class CueSet {
  private readonly present = new Set<Cue>();

  constructor(readonly hits: readonly CueHit[], private readonly excluded: (hit: CueHit) => boolean = () => false) {
    for (const h of hits) if (!excluded(h)) this.present.add(h.cue);
  }

  has(...cues: Cue[]): boolean {
    return cues.some((c) => this.present.has(c));
  }

  first(cue: Cue): CueHit | undefined {
    return this.hits.find((h) => h.cue === cue && !this.excluded(h));
  }
}
