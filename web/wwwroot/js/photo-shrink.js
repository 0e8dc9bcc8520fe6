// 整改照片 from a phone: a camera photo is 3–12 MB, which a store's 4G uploads slowly and the server refuses over 8 MB.
// The page makes a copy at most 1,600 pixels on its long side (about 300 KB) before it is sent — the server keeps
// 1,280 wide anyway. A browser that cannot (or a photo that is no image) sends the file as chosen, for the server to judge.
window.SmartStorePhotoShrink = (function () {
  "use strict";
  const longSide = 1600, worthIt = 1024 * 1024;

  async function shrink(file) {
    if (file.size <= worthIt || !window.createImageBitmap) return file;
    const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
    const scale = Math.min(1, longSide / Math.max(bitmap.width, bitmap.height));
    const canvas = Object.assign(document.createElement("canvas"), {
      width: Math.round(bitmap.width * scale), height: Math.round(bitmap.height * scale),
    });
    canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise(resolve => canvas.toBlob(resolve, "image/jpeg", 0.85));
    if (!blob || blob.size >= file.size) return file;
    return new File([blob], file.name.replace(/\.[^.]+$/, "") + ".jpg", { type: "image/jpeg", lastModified: Date.now() });
  }

  // Replaces the input's file with its smaller copy; marks the input while it works, so a test (or a slow phone) can wait.
  async function onChosen(input) {
    const file = input.files && input.files[0];
    if (!file) return;
    input.dataset.shrinking = "true";
    try {
      const smaller = await shrink(file);
      if (smaller !== file) {
        const files = new DataTransfer();
        files.items.add(smaller);
        input.files = files.files;
      }
    } catch (e) {
      console.warn("photo kept as chosen:", e);
    } finally {
      input.dataset.shrinking = "done";
    }
  }

  // A form sent while its photo is still being made smaller waits for the copy (a few hundred milliseconds).
  document.addEventListener("submit", e => {
    const busy = e.target.querySelector?.("input[data-shrinking='true']");
    if (!busy) return;
    e.preventDefault();
    const form = e.target, submitter = e.submitter;
    const wait = setInterval(() => {
      if (busy.dataset.shrinking === "true") return;
      clearInterval(wait);
      form.requestSubmit(submitter || undefined);
    }, 100);
  });

  return { onChosen };
})();
