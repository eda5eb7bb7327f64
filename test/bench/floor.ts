// The bench's floor: the least an extension page can do to be "ready to type": URL and title shown, cursor in Note.
// What it shows is at hand without asking the browser anything; the popup has to ask for its tab.
const field = (id: string) => document.getElementById(id) as HTMLInputElement;
field("url").value = location.href;
field("title").value = document.title;
field("note").focus();
