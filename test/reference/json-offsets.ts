// An independent reference for where a JSON pointer's value and key stand in JSON text: a small recursive-descent
// reader of valid JSON that notes, for every value, its pointer (RFC 6901: `~` as `~0`, `/` as `~1`), the offset where
// it starts and, for an object member, the offset of its key's opening quote. Nothing here comes from src/.

export interface Place {
  value: number;
  key: number | undefined;
}

export function jsonPlaces(text: string): Map<string, Place> {
  const places = new Map<string, Place>();
  let i = 0;
  const space = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const string = (): string => {
    const start = i;
    i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const segment = (name: string) => name.replace(/~/g, '~0').replace(/\//g, '~1');
  const value = (pointer: string, key: number | undefined): void => {
    space();
    if (!places.has(pointer)) places.set(pointer, { value: i, key });
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      while (text[i] !== '}') {
        const at = i;
        const name = string();
        space();
        i++; // the colon
        value(`${pointer}/${segment(name)}`, at);
        space();
        if (text[i] === ',') i++;
        space();
      }
      i++;
    } else if (c === '[') {
      i++;
      space();
      for (let n = 0; text[i] !== ']'; n++) {
        value(`${pointer}/${n}`, undefined);
        space();
        if (text[i] === ',') i++;
        space();
      }
      i++;
    } else if (c === '"') {
      string();
    } else {
      while (i < text.length && !',]} \t\r\n'.includes(text[i]!)) i++;
    }
  };
  value('', undefined);
  return places;
}
