/** Moves the keyboard to a form field by its path (`lines.0.hsCode`, `buyer.tin`); false when it is not on screen. */
export function focusField(path: string): boolean {
  const element = document.querySelector<HTMLElement>(`[data-field="${CSS.escape(path)}"]`);
  if (element === null) return false;
  element.focus();
  if (element instanceof HTMLInputElement && element.type === 'text') element.select();
  return true;
}
