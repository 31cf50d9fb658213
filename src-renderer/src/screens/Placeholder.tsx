export function Placeholder() {
  return <p className="muted">This screen is being built.</p>;
}
