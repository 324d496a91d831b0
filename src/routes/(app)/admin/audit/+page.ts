// A page to read, with links and at most a GET filter form: nothing in it runs in the browser, so it is sent
// without client JavaScript (docs/performance.md, client JS). Links from it load the next page whole.
export const csr = false;
