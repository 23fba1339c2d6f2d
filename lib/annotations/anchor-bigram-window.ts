import { bigramAt } from "./anchor-similarity";

/** The quote's bigrams numbered 0..k-1 with their counts, and each text position's bigram number (-1: not in the quote). */
export function indexBigrams(quote: string, text: string) {
  const idOf = new Map<number, number>();
  const wanted: number[] = [];
  for (let i = 0; i + 1 < quote.length; i++) {
    const bigram = bigramAt(quote, i);
    const id = idOf.get(bigram);
    if (id === undefined) {
      idOf.set(bigram, wanted.length);
      wanted.push(1);
    } else {
      wanted[id] = (wanted[id] ?? 0) + 1;
    }
  }
  const ids = new Int32Array(Math.max(0, text.length - 1));
  for (let i = 0; i + 1 < text.length; i++) ids[i] = idOf.get(bigramAt(text, i)) ?? -1;
  return { wanted: Int32Array.from(wanted), ids, quoteBigrams: quote.length - 1 };
}

export type BigramIndex = ReturnType<typeof indexBigrams>;

/**
 * Bigram Dice similarity of a text window to the quote, updated one bigram at
 * a time so that sliding or growing the window costs O(1). The window holds
 * the bigrams starting at the positions added (position p: text[p], text[p+1]).
 */
export class BigramWindow {
  private readonly have: Int32Array;
  private shared = 0;
  private size = 0;

  constructor(private readonly index: BigramIndex) {
    this.have = new Int32Array(index.wanted.length);
  }

  add(position: number) {
    this.size++;
    const id = this.index.ids[position] ?? -1;
    if (id < 0) return;
    const count = (this.have[id] ?? 0) + 1;
    this.have[id] = count;
    if (count <= (this.index.wanted[id] ?? 0)) this.shared++;
  }

  remove(position: number) {
    this.size--;
    const id = this.index.ids[position] ?? -1;
    if (id < 0) return;
    const count = this.have[id] ?? 0;
    if (count <= (this.index.wanted[id] ?? 0)) this.shared--;
    this.have[id] = count - 1;
  }

  dice() {
    return (2 * this.shared) / (this.index.quoteBigrams + this.size);
  }
}
