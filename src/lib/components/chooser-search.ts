/**
 * What a RecordChooser does as one types: the records whose words start with what is typed, fetched from
 * /choose/<kind>, picked with the arrows and Enter or a click, closed with Escape. Fetched with its
 * suggestions (ChooserSuggestions.svelte) when the chooser's field is first focused, so that a page only
 * looked at does not carry it. It listens to the field itself and reads what is typed from it.
 */
import { m } from '$lib/paraglide/messages';
import type { ChoiceView } from '$lib/server/choosers/chooser.view';

/** What the chooser has chosen, which the field's component draws (the ids it sends) and this changes. */
export interface ChooserChosen {
	picked: ChoiceView[];
}

/** The suggestions' state, which ChooserSuggestions draws and this changes. */
export interface ChooserUi {
	options: ChoiceView[];
	open: boolean;
	active: number;
	status: string;
}

export interface ChooserProps {
	readonly kind: string;
	readonly multiple?: boolean;
	onchoose?(choice: ChoiceView | null): void;
}

export function chooserSearch(
	field: HTMLInputElement,
	chosen: ChooserChosen,
	ui: ChooserUi,
	props: ChooserProps
) {
	let timer: ReturnType<typeof setTimeout> | undefined;
	let request: AbortController | undefined;
	const listening = new AbortController();

	async function fetchOptions(query: string) {
		request?.abort();
		request = new AbortController();
		try {
			const response = await fetch(`/choose/${props.kind}?q=${encodeURIComponent(query)}`, {
				signal: request.signal
			});
			if (!response.ok) throw new Error(String(response.status));
			const found: ChoiceView[] = await response.json();
			ui.options = props.multiple ? found.filter((f) => !chosen.picked.some((p) => p.id === f.id)) : found;
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
		if (!props.multiple && chosen.picked.length > 0) {
			chosen.picked = [];
			props.onchoose?.(null);
		}
		clearTimeout(timer);
		const query = field.value.trim();
		if (query === '') {
			ui.open = false;
			ui.options = [];
			return;
		}
		timer = setTimeout(() => fetchOptions(query), 200);
	}

	function choose(choice: ChoiceView) {
		if (props.multiple) {
			if (!chosen.picked.some((p) => p.id === choice.id)) chosen.picked = [...chosen.picked, choice];
			field.value = '';
		} else {
			chosen.picked = [choice];
			field.value = choice.label;
		}
		ui.open = false;
		ui.active = -1;
		ui.status = `${choice.label} chosen.`;
		props.onchoose?.(choice);
	}

	function onkeydown(event: KeyboardEvent) {
		if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
			event.preventDefault();
			if (!ui.open) {
				if (field.value.trim() !== '') fetchOptions(field.value.trim());
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

	const signal = listening.signal;
	field.addEventListener('input', oninput, { signal });
	field.addEventListener('keydown', onkeydown, { signal });
	field.addEventListener('blur', () => (ui.open = false), { signal });
	// Typed into while this was on its way: search for that now.
	if (field.value !== field.defaultValue) oninput();

	return {
		choose,
		destroy() {
			listening.abort();
			clearTimeout(timer);
			request?.abort();
		}
	};
}
