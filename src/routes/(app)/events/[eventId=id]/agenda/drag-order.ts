/**
 * The agenda's drag and drop, fetched on the list's first use (drag-to-reorder.ts, which accepts the
 * drag and hands each event here). The items are not moved while dragging: the one dragged is marked
 * (`data-dragging`) and a line on another (`data-drop`, before or after it) shows where it will go. On
 * the drop, the new order goes through the page's reorder form, whose answer draws the list again.
 * Only attributes that the page's template does not set are touched, so Svelte's list stays as it drew it.
 */
export type DragHandler = (event: DragEvent) => void;

const itemOf = (target: EventTarget | null) =>
	target instanceof Element ? target.closest<HTMLElement>('li[id^="item-"]') : null;
const idOf = (item: HTMLElement) => item.id.slice('item-'.length);

export function dragOrder(list: HTMLElement, form: () => HTMLFormElement | undefined): DragHandler {
	let dragged: HTMLElement | null = null;
	let marked: HTMLElement | null = null;
	let before = false;

	const mark = (item: HTMLElement | null, above = false) => {
		if (marked && marked !== item) delete marked.dataset.drop;
		marked = item;
		before = above;
		if (item) item.dataset.drop = above ? 'before' : 'after';
	};
	const end = () => {
		mark(null);
		if (dragged) delete dragged.dataset.dragging;
		dragged = null;
	};

	function drop() {
		const moved = dragged && idOf(dragged);
		const target = marked && idOf(marked);
		const above = before;
		end();
		const reorder = form();
		if (!moved || !target || !reorder) return;
		const order = [...list.querySelectorAll<HTMLElement>(':scope > li[id^="item-"]')].map(idOf);
		const rest = order.filter((id) => id !== moved);
		const at = rest.indexOf(target) + (above ? 0 : 1);
		const next = [...rest.slice(0, at), moved, ...rest.slice(at)];
		if (next.join() === order.join()) return;
		(reorder.elements.namedItem('order') as HTMLInputElement).value = next.join(',');
		(reorder.elements.namedItem('moved') as HTMLInputElement).value = moved;
		reorder.requestSubmit();
	}

	return (event) => {
		const item = itemOf(event.target);
		if (event.type === 'dragstart') {
			dragged = item;
			if (item) item.dataset.dragging = '';
		} else if (event.type === 'dragover' && dragged) {
			if (!item || item === dragged) return mark(null);
			const box = item.getBoundingClientRect();
			mark(item, event.clientY < box.top + box.height / 2);
		} else if (event.type === 'drop' && dragged) {
			drop();
		} else if (event.type === 'dragend') {
			// Dropped outside the list, or cancelled with Escape: the order stays as it was.
			end();
		}
	};
}
