// The bench's floor: the least an extension page can do to be "ready to type".
const input = document.getElementById("note") as HTMLInputElement;
input.value = location.href;
input.focus();
performance.mark("linkletter:ready");
