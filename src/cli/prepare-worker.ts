/** Worker-thread entry for `add`: cleans, analyses and prepares one page off the main thread. */
import type { DecodedPage } from '../model.js';
import { preparePage, type PreparedPage } from '../link/prepare.js';

export default function prepare(page: DecodedPage): PreparedPage {
  return preparePage(page);
}
