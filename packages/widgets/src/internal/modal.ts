/**
 * What the widgets' modal dialogs (the calendar's event details, the directory's profile) share. The native
 * `<dialog>` traps focus, closes on Escape and says it is modal to screen readers; these add what it lacks.
 */

/**
 * Opens `dialog` as a modal dialog. Where it cannot be modal (the widget moved out of the document meanwhile, a page
 * that patched the API), it opens in place so that the visitor still sees it, and the error is returned for the widget
 * to report; `undefined` when it opened as modal (or was open already).
 */
export function openModal(dialog: HTMLDialogElement): unknown {
  if (dialog.open) return undefined;
  try {
    dialog.showModal();
    return undefined;
  } catch (error) {
    dialog.show();
    return error;
  }
}

/** A click handler for a dialog: a click on its backdrop (the dialog box itself, outside its content) closes it. */
export function closeOnBackdropClick(event: MouseEvent): void {
  const dialog = event.currentTarget as HTMLDialogElement;
  if (event.target !== dialog) return;
  const box = dialog.getBoundingClientRect();
  const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
  if (!inside) dialog.close();
}
