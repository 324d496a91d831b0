// A dossier to read, with links, a GET filter form and the feed panel's forms, which post and answer
// with the page whole: nothing in it needs the browser to run code, so it is sent without client
// JavaScript, and its load's data is not serialised a second time for hydration (docs/performance.md).
export const csr = false;
