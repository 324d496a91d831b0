/**
 * What a RecordChooser does as one types: the records whose words start with what is typed, fetched from
 * /choose/<kind>, picked with the arrows and Enter or a click, closed with Escape; and the suggestions
 * drawn, with what it says of them (ChooserSuggestions.svelte). Fetched when the chooser's field is first focused or typed into,
 * so that a page only looked at does not carry it.
 */
import { m } from '$lib/paraglide/messages';
import type { ChoiceView } from '$lib/server/choosers/chooser.view';

export { default as ChooserSuggestions } from './ChooserSuggestions.svelte';

/** The chooser's state, which the component draws and this changes. */
export interface ChooserUi {
	picked: ChoiceView[];
	typed: string;
	options: ChoiceView[];
	open: boolean;
	active: number;
	status: string;
}

export interface ChooserProps {
	readonly kind: string;
	readonly multiple: boolean;
	onchoose(choice: ChoiceView | null): void;
}

export function chooserSearch(ui: ChooserUi, props: ChooserProps) {
	let timer: ReturnType<typeof setTimeout> | undefined;
	let request: AbortController | undefined;

	async function fetchOptions(query: string) {
		request?.abort();
		request = new AbortController();
		try {
			const response = await fetch(`/choose/${props.kind}?q=${encodeURIComponent(query)}`, {
				signal: request.signal
			});
			if (!response.ok) throw new Error(String(response.status));
			const found: ChoiceView[] = await response.json();
			ui.options = props.multiple ? found.filter((f) => !ui.picked.some((p) => p.id === f.id)) : found;
			ui.active = -1;
			ui.open = true;
			ui.status =
				ui.options.length === 0
					? m.records_chooser_nothing()
					: m.records_chooser_found({ count: ui.options.length });
		} catch (e) {
			if ((e as Error).name !== 'AbortError') ui.status = m.records_chooser_failed();
		}
	}

	function oninput() {
		if (!props.multiple && ui.picked.length > 0) {
			ui.picked = [];
			props.onchoose(null);
		}
		clearTimeout(timer);
		const query = ui.typed.trim();
		if (query === '') {
			ui.open = false;
			ui.options = [];
			return;
		}
		timer = setTimeout(() => fetchOptions(query), 200);
	}

	function choose(choice: ChoiceView) {
		if (props.multiple) {
			if (!ui.picked.some((p) => p.id === choice.id)) ui.picked = [...ui.picked, choice];
			ui.typed = '';
		} else {
			ui.picked = [choice];
			ui.typed = choice.label;
		}
		ui.open = false;
		ui.active = -1;
		ui.status = `${choice.label} chosen.`;
		props.onchoose(choice);
	}

	function onkeydown(event: KeyboardEvent) {
		if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
			event.preventDefault();
			if (!ui.open) {
				if (ui.typed.trim() !== '') fetchOptions(ui.typed.trim());
				return;
			}
			if (ui.options.length === 0) return;
			const step = event.key === 'ArrowDown' ? 1 : -1;
			ui.active = (ui.active + step + ui.options.length) % ui.options.length;
		} else if (event.key === 'Enter' && ui.open && ui.active >= 0) {
			// Enter picks the option shown active instead of submitting the form.
			event.preventDefault();
			choose(ui.options[ui.active]!);
		} else if (event.key === 'Escape' && ui.open) {
			event.preventDefault();
			ui.open = false;
			ui.active = -1;
		}
	}

	return {
		oninput,
		onkeydown,
		choose,
		destroy() {
			clearTimeout(timer);
			request?.abort();
		}
	};
}

export type ChooserSearch = ReturnType<typeof chooserSearch>;
