/**
 * What JavaScript adds to the hourly grid (CalendarGrid.svelte), which works without it: the grid
 * opens scrolled to the morning; arrow keys go from event to event, and an officer drags an event to
 * move it (grid-interaction.ts). That part is fetched when a pointer or the focus first comes to the
 * grid, so that a page only looked at does not wait for it.
 */
const MORNING_HOUR = 7;

/** Enhances the grid the server rendered; returns what undoes it. */
export function enhanceGrid(grid: HTMLElement, options: { canMove: boolean }): () => void {
	const scroller = grid.parentElement;
	const hours = grid.querySelector('ol.timed')?.scrollHeight ?? 0;
	if (scroller) scroller.scrollTop = hours * (MORNING_HOUR / 24);
	let detach: (() => void) | undefined;
	let destroyed = false;
	const load = () => {
		grid.removeEventListener('pointerover', load);
		grid.removeEventListener('focusin', load);
		void import('./grid-interaction').then(({ attachGrid }) => {
			if (destroyed) return;
			detach = attachGrid(grid, options);
			grid.dataset.interactive = '';
		});
	};
	grid.addEventListener('pointerover', load);
	grid.addEventListener('focusin', load);
	// Already in use before the page started (focused or pointed at while it loaded).
	if (grid.contains(document.activeElement) || grid.matches(':hover')) load();
	return () => {
		destroyed = true;
		grid.removeEventListener('pointerover', load);
		grid.removeEventListener('focusin', load);
		detach?.();
	};
}
