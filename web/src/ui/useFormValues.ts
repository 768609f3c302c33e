import { type ChangeEvent, useCallback, useState } from "react";

type Field<T> = Extract<keyof T, string>;

/** Controlled form values: `bind(name)` gives `value` and `onChange` for a Mantine input. */
export function useFormValues<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const set = useCallback((name: Field<T>, value: string) => setValues((v) => ({ ...v, [name]: value })), []);
  const bind = (name: Field<T>) => ({
    value: values[name],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => set(name, e.currentTarget.value),
  });
  return { values, set, bind, reset: () => setValues(initial) };
}
