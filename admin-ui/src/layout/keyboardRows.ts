import { useEffect } from 'react';

/** The rows react-admin's lists open on click (`rowClick`), in both its grids. */
export const CLICKABLE_ROWS = '.RaDatagrid-clickableRow, .RaDataTable-clickableRow';

/**
 * react-admin opens a list row on a mouse click only: the row is no tab stop and ignores keys, so a reviewer on the
 * keyboard could not open a held output, an application or a request. Every clickable row, in every list, gets a
 * tab stop and opens with Enter or Space, as a link or button would.
 */
export function useKeyboardOperableRows(): void {
  useEffect(() => {
    let scheduled = 0;
    const giveTabStops = () => {
      scheduled = 0;
      for (const row of document.querySelectorAll<HTMLElement>(CLICKABLE_ROWS)) {
        if (!row.hasAttribute('tabindex')) row.tabIndex = 0;
      }
    };
    // Lists render and re-render rows at will (paging, filters, polling): look again once per frame at most.
    const observer = new MutationObserver(() => {
      if (scheduled === 0) scheduled = requestAnimationFrame(giveTabStops);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    giveTabStops();
    const openOnKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      const row = event.target;
      // Only the focused row itself: a key pressed in a checkbox or button inside it keeps its own meaning.
      if (!(row instanceof HTMLElement) || !row.matches(CLICKABLE_ROWS)) return;
      event.preventDefault();
      row.click();
    };
    document.addEventListener('keydown', openOnKey);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(scheduled);
      document.removeEventListener('keydown', openOnKey);
    };
  }, []);
}
