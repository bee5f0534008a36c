// Turns zod issues into one readable `Message` ("Line 2 Quantity: must be a number").
import type { z } from 'zod';

function where(path: ReadonlyArray<PropertyKey>): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i += 1) {
    const key = path[i];
    const next = path[i + 1];
    if (key === 'LineItems' && typeof next === 'number') {
      parts.push(`Line ${next + 1}`);
      i += 1;
    } else if (typeof key === 'number') {
      parts.push(`[${key}]`);
    } else {
      parts.push(String(key));
    }
  }
  return parts.join(' ').replace(/ \[/g, '[');
}

export function describeIssues(error: z.ZodError, max = 5): string {
  const texts = error.issues.slice(0, max).map((issue) => {
    const at = where(issue.path);
    return at === '' ? issue.message : `${at}: ${issue.message}`;
  });
  const more = error.issues.length - max;
  return texts.join('; ') + (more > 0 ? `; and ${more} more` : '');
}
