/** A labelled text input for an optional intent field (tissue, cell type): an empty box means null. */
export function OptionalTextField({ label, value, onChange }: { label: string; value: string | null; onChange: (value: string | null) => void }) {
  return (
    <label className="field">
      {label}
      <input aria-label={label.toLowerCase()} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)} />
    </label>
  );
}
