/**
 * `use:dragToReorder` on the agenda's list: dragging an item to another place sends the new order
 * through the page's hidden reorder form. What does it (drag-order.ts) is fetched on the list's first
 * use (a pointer over it, the focus or a key in it), not with the page; Up and Down do the same by
 * keyboard and without scripts. Nothing moves in the list while dragging: a line marks where the item
 * will go, and the list is drawn again, in the order the server saved, once the form's answer comes.
 */
import type { DragHandler } from './drag-order';

const FIRST_USE = ['pointerover', 'pointerdown', 'focusin', 'keydown'] as const;
const DRAG = ['dragstart', 'dragover', 'drop', 'dragend'] as const;

export function dragToReorder(list: HTMLElement, form: HTMLFormElement | undefined) {
	let handle: DragHandler | undefined;
	let loading: Promise<void> | undefined;
	// Drag events from before the module came, handed to it once it has: a quick drag is not lost.
	const early: DragEvent[] = [];
	let dragging = false;

	const load = () => {
		loading ??= import('./drag-order')
			.then(({ dragOrder }) => {
				handle = dragOrder(list, () => form);
				for (const event of early.splice(0)) handle(event);
			})
			// Not fetched (offline, or a newer version deployed meanwhile): Up and Down still move items.
			.catch(() => {
				handle = () => {};
				early.length = 0;
			});
	};

	const onDrag = (event: DragEvent) => {
		if (event.type === 'dragstart') {
			dragging = true;
			// Some browsers start a drag only with data; what it carries is not read.
			event.dataTransfer?.setData('text/plain', '');
			if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
		} else if (event.type === 'dragend') {
			dragging = false;
		} else if (dragging) {
			// One of the list's own items: accepted here, whether the module has come or not, so that it drops.
			event.preventDefault();
		}
		if (handle) handle(event);
		else {
			early.push(event);
			load();
		}
	};

	for (const type of FIRST_USE) list.addEventListener(type, load);
	for (const type of DRAG) list.addEventListener(type, onDrag);

	return {
		update(next: HTMLFormElement | undefined) {
			form = next;
		},
		destroy() {
			for (const type of FIRST_USE) list.removeEventListener(type, load);
			for (const type of DRAG) list.removeEventListener(type, onDrag);
		}
	};
}
