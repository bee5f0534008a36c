/** Long text cut to its cell with an ellipsis; the whole text is in the tooltip (and read out in full). */
export function Truncated({ text }: { text: string }) {
  return (
    <span className="truncate" title={text}>
      {text}
    </span>
  );
}
