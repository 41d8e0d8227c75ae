import { useEffect, useRef } from 'react';

interface FileInputProps {
  /** Set by Form.Item, which also labels the input. */
  id?: string;
  value?: File;
  onChange?: (file: File | undefined) => void;
  /** File extensions and media types offered in the browser's file chooser. */
  accept: readonly string[];
}

/** A native file input: keyboard and screen-reader friendly; it empties when the form is reset. */
export function FileInput({ id, value, onChange, accept }: FileInputProps) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!value && input.current) input.current.value = '';
  }, [value]);
  return (
    <input
      ref={input}
      id={id}
      type="file"
      className="file-input"
      accept={accept.join(',')}
      onChange={(event) => onChange?.(event.target.files?.[0])}
    />
  );
}
