/**
 * jsdom ships no types and @types/jsdom is not installed; this declares the one corner the
 * benchmark touches. Remove it if @types/jsdom is ever added (the two would clash).
 */
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string, options?: Record<string, unknown>);
    readonly window: { document: Document };
  }
}
