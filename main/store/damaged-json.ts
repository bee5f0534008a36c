/**
 * The longest readable beginning of a JSON text that was cut short or damaged part-way (a crash
 * during a write, a disk that filled up): every value completed before the damage, with the open
 * objects and arrays closed. Undefined when not even a beginning can be read.
 */
export function parseDamagedJson(text: string): unknown {
  const cutPoints: { end: number; closers: string }[] = [];
  const open: string[] = [];
  let inString = false;
  let escaped = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '{') open.push('}');
    else if (char === '[') open.push(']');
    else if (char === '}' || char === ']') {
      if (open.pop() !== char) break;
      cutPoints.push({ end: index + 1, closers: [...open].reverse().join('') });
    } else if (char === ',') {
      // Cutting before a comma keeps every value the container finished.
      cutPoints.push({ end: index, closers: [...open].reverse().join('') });
    }
  }
  // The latest cut point that reads is the most that can be kept.
  for (const cut of cutPoints.reverse()) {
    try {
      return JSON.parse(text.slice(0, cut.end) + cut.closers) as unknown;
    } catch {
      // An earlier cut point may still read.
    }
  }
  return undefined;
}
