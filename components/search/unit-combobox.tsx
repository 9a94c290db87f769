"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

/** The door that suggests unit names (app/api/units/suggest/route.ts). */
export const UNIT_SUGGEST_URL = "/api/units/suggest";
const DELAY_MS = 150;

/**
 * 辦理研習單位: a text field that suggests unit names as you type, following the ARIA 1.2
 * combobox pattern (an editable combobox with list autocomplete): the input has role=combobox,
 * aria-expanded and aria-controls; the suggestions are a listbox whose active option is named
 * by aria-activedescendant while focus stays in the field.
 *
 * Keys: ↓ opens the list or moves to the next name, ↑ to the previous one, Enter takes the active
 * name (without one, Enter submits the search as usual), Esc closes the list (or, when it is
 * closed, clears the field), Tab leaves. Without JavaScript it is a plain text field.
 */
export function UnitCombobox({
  id,
  name = "org",
  label,
  defaultValue = "",
  placeholder = "例如：臺北市立大安國民中學",
  hint = "輸入單位名稱的一部分，可從建議中選擇；台與臺、全形與半形都可以。",
  className = "",
}: {
  id: string;
  name?: string;
  label: string;
  defaultValue?: string;
  placeholder?: string;
  hint?: string;
  className?: string;
}) {
  const [value, setValue] = useState(defaultValue);
  const [options, setOptions] = useState<string[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [message, setMessage] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const request = useRef<AbortController | undefined>(undefined);
  const cache = useRef(new Map<string, string[]>());
  const listboxId = `${id}-listbox`;
  const hintId = `${id}-hint`;
  const statusId = useId();
  const optionId = (i: number) => `${id}-option-${i}`;

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      request.current?.abort();
    },
    [],
  );

  useEffect(() => {
    if (active < 0) return;
    const el = document.getElementById(optionId(active));
    el?.scrollIntoView?.({ block: "nearest" });
    // optionId only depends on id.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active]);

  function show(names: string[], text: string) {
    setOptions(names);
    setActive(-1);
    const focused = document.activeElement === inputRef.current;
    setOpen(focused && names.length > 0);
    setMessage(!text ? "" : names.length ? `有 ${names.length} 個單位名稱建議，可用上下鍵選擇。` : "沒有符合的單位名稱。");
  }

  async function load(text: string) {
    const q = text.trim();
    if (!q) return show([], "");
    const known = cache.current.get(q);
    if (known) return show(known, q);
    request.current?.abort();
    const controller = new AbortController();
    request.current = controller;
    try {
      const res = await fetch(`${UNIT_SUGGEST_URL}?q=${encodeURIComponent(q)}`, { signal: controller.signal, headers: { accept: "application/json" } });
      if (!res.ok) return show([], "");
      const body = (await res.json()) as { units?: unknown };
      const names = Array.isArray(body.units) ? body.units.filter((u): u is string => typeof u === "string") : [];
      cache.current.set(q, names);
      if (request.current === controller) show(names, q);
    } catch {
      // Aborted by a newer keystroke, or offline: the field still works as plain text.
    }
  }

  function onInput(text: string) {
    setValue(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void load(text), DELAY_MS);
  }

  function choose(i: number) {
    const chosen = options[i];
    if (chosen === undefined) return;
    setValue(chosen);
    setOpen(false);
    setActive(-1);
    setMessage(`已選擇 ${chosen}。`);
    inputRef.current?.focus();
  }

  function close() {
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    const n = options.length;
    switch (e.key) {
      case "ArrowDown":
        e.preventDefault();
        if (!n) {
          void load(value);
          return;
        }
        if (!open) {
          setOpen(true);
          setActive(e.altKey ? -1 : 0);
        } else setActive((a) => (a + 1) % n);
        return;
      case "ArrowUp":
        e.preventDefault();
        if (!n) return;
        if (!open) {
          setOpen(true);
          setActive(n - 1);
        } else setActive((a) => (a <= 0 ? n - 1 : a - 1));
        return;
      case "Enter":
        if (open && active >= 0) {
          e.preventDefault();
          choose(active);
        }
        return;
      case "Escape":
        if (open) {
          e.preventDefault();
          close();
        } else if (value) {
          e.preventDefault();
          setValue("");
          show([], "");
        }
        return;
      case "Tab":
        close();
        return;
    }
  }

  const expanded = open && options.length > 0;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block font-medium">
        {label}
      </label>
      <div className="relative">
        <input
          ref={inputRef}
          id={id}
          name={name}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listboxId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-describedby={hint ? hintId : undefined}
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          placeholder={placeholder}
          value={value}
          onChange={(e) => onInput(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={close}
          onFocus={() => options.length > 0 && value.trim() && setOpen(true)}
          className="field-input"
        />
        <ul
          ref={listRef}
          id={listboxId}
          role="listbox"
          aria-label={`${label}建議`}
          hidden={!expanded}
          className="absolute inset-x-0 top-full z-30 mt-1 max-h-72 overflow-y-auto rounded-lg border border-line bg-white py-1 shadow-lg"
        >
          {options.map((o, i) => (
            <li
              key={o}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              // Keep focus in the field: a click chooses without blurring it first.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(i)}
              className={`flex min-h-11 cursor-pointer items-center px-3 py-2 ${i === active ? "bg-accent-soft font-semibold text-accent-strong" : "text-ink hover:bg-surface"}`}
            >
              {o}
            </li>
          ))}
        </ul>
      </div>
      {hint && (
        <p id={hintId} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      )}
      <p id={statusId} role="status" aria-live="polite" className="sr-only">
        {message}
      </p>
    </div>
  );
}
