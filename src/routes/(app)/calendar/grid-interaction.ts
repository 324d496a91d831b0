/**
 * Keyboard and mouse on the hourly grid (CalendarGrid.svelte), which works without them: loaded by
 * grid-enhance.ts when a pointer or the focus first comes to the grid.
 * - arrow keys go from event to event: up and down within a day, left and right to the nearest event in
 *   time on the next day that has one; Home and End to a day's first and last;
 * - an officer drags an event to another hour or day: on release the move form (MoveForm.svelte) is
 *   filled with the day and the quarter of an hour it was dropped on and sent, so the move is checked
 *   on the server like any other (clashes to confirm, roles, audit); M on a focused event opens that
 *   form for it, to move it without a mouse.
 */
const SNAP_MINUTES = 15;
const DRAG_THRESHOLD_PX = 4;

type Grid = HTMLElement;

function eventsOf(list: Element | null | undefined): HTMLElement[] {
	return list ? [...list.querySelectorAll<HTMLElement>(':scope > li.event')] : [];
}

function focusEvent(item: HTMLElement | undefined): boolean {
	const link = item?.querySelector('a');
	if (!link) return false;
	link.focus();
	link.scrollIntoView({ block: 'nearest', inline: 'nearest' });
	return true;
}

/** The event to go to from `item` when `key` is pressed, if any. */
function neighbour(grid: Grid, item: HTMLElement, key: string): HTMLElement | undefined {
	const list = item.parentElement!;
	const siblings = eventsOf(list);
	const at = siblings.indexOf(item);
	if (key === 'ArrowUp') return siblings[at - 1];
	if (key === 'ArrowDown') return siblings[at + 1];
	if (key === 'Home') return siblings[0];
	if (key === 'End') return siblings[siblings.length - 1];
	const lists = [...grid.querySelectorAll('ol.timed, ul.all-day')];
	const step = key === 'ArrowRight' ? 1 : -1;
	const minute = Number(item.dataset.minute ?? 0);
	for (let i = lists.indexOf(list) + step; i >= 0 && i < lists.length; i += step) {
		const candidates = eventsOf(lists[i]);
		if (candidates.length === 0) continue;
		return candidates.reduce((best, next) =>
			Math.abs(Number(next.dataset.minute ?? 0) - minute) <
			Math.abs(Number(best.dataset.minute ?? 0) - minute)
				? next
				: best
		);
	}
	return undefined;
}

function moveForm(): HTMLFormElement | null {
	return document.querySelector<HTMLFormElement>('form[data-move-form]');
}

function field(form: HTMLFormElement, name: string): HTMLInputElement {
	return form.elements.namedItem(name) as HTMLInputElement;
}

/** Fills the move form for the event; sends it when the new day and time are known. */
function move(item: HTMLElement, to?: { date: string; minute: number }) {
	const form = moveForm();
	if (!form) return;
	field(form, 'event').value = item.dataset.event ?? '';
	field(form, 'version').value = item.dataset.version ?? '';
	const title = form.querySelector('[data-move-title]');
	if (title) title.textContent = item.dataset.title ?? '';
	if (to) {
		const hh = String(Math.floor(to.minute / 60)).padStart(2, '0');
		const mm = String(to.minute % 60).padStart(2, '0');
		field(form, 'date').value = to.date;
		field(form, 'time').value = `${hh}:${mm}`;
		form.requestSubmit();
		return;
	}
	const day = item.closest<HTMLElement>('ol.timed')?.dataset.date;
	if (day) field(form, 'date').value = day;
	const minute = Number(item.dataset.minute ?? 0);
	field(form, 'time').value =
		`${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
	form.hidden = false;
	field(form, 'date').focus();
}

/** Where a point over the grid falls: the day's list under it and the quarter of an hour. */
function dropTarget(x: number, y: number, grabbedAt: number) {
	const list = document
		.elementsFromPoint(x, y)
		.find((el): el is HTMLElement => el instanceof HTMLElement && el.matches('ol.timed[data-date]'));
	if (!list) return null;
	const box = list.getBoundingClientRect();
	const raw = ((y - grabbedAt - box.top) / box.height) * 24 * 60;
	const minute = Math.min(24 * 60 - SNAP_MINUTES, Math.max(0, Math.round(raw / SNAP_MINUTES) * SNAP_MINUTES));
	return { date: list.dataset.date!, minute };
}

export function attachGrid(grid: Grid, { canMove }: { canMove: boolean }): () => void {
	const onKey = (e: KeyboardEvent) => {
		const item = (e.target as HTMLElement).closest<HTMLElement>('li.event');
		if (!item || e.altKey || e.ctrlKey || e.metaKey) return;
		if (canMove && (e.key === 'm' || e.key === 'M') && item.dataset.event) {
			e.preventDefault();
			move(item);
			return;
		}
		if (focusEvent(neighbour(grid, item, e.key))) e.preventDefault();
	};

	let drag: {
		item: HTMLElement;
		x: number;
		y: number;
		grabbedAt: number;
		moved: boolean;
		pointer: number;
	} | null = null;

	const onDown = (e: PointerEvent) => {
		const item = (e.target as HTMLElement).closest<HTMLElement>('li.event.movable');
		if (!canMove || !item || e.button !== 0) return;
		const box = item.getBoundingClientRect();
		drag = {
			item,
			x: e.clientX,
			y: e.clientY,
			grabbedAt: e.clientY - box.top,
			moved: false,
			pointer: e.pointerId
		};
	};
	const onMove = (e: PointerEvent) => {
		if (!drag || e.pointerId !== drag.pointer) return;
		const dx = e.clientX - drag.x;
		const dy = e.clientY - drag.y;
		if (!drag.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
		if (!drag.moved) {
			drag.moved = true;
			drag.item.classList.add('dragging');
			drag.item.setPointerCapture(e.pointerId);
		}
		// Set through the CSSOM, which the content security policy allows (unlike style attributes).
		drag.item.style.transform = `translate(${dx}px, ${dy}px)`;
		drag.item.style.pointerEvents = 'none';
	};
	const onUp = (e: PointerEvent) => {
		if (!drag || e.pointerId !== drag.pointer) return;
		const { item, moved, grabbedAt } = drag;
		drag = null;
		if (!moved) return;
		// The release is not a click on the event's link.
		item.addEventListener('click', (c) => c.preventDefault(), { capture: true, once: true });
		const target = dropTarget(e.clientX, e.clientY, grabbedAt);
		item.classList.remove('dragging');
		item.style.transform = '';
		item.style.pointerEvents = '';
		if (target) move(item, target);
	};

	grid.addEventListener('keydown', onKey);
	grid.addEventListener('pointerdown', onDown);
	grid.addEventListener('pointermove', onMove);
	grid.addEventListener('pointerup', onUp);
	grid.addEventListener('pointercancel', onUp);
	return () => {
		grid.removeEventListener('keydown', onKey);
		grid.removeEventListener('pointerdown', onDown);
		grid.removeEventListener('pointermove', onMove);
		grid.removeEventListener('pointerup', onUp);
		grid.removeEventListener('pointercancel', onUp);
	};
}
