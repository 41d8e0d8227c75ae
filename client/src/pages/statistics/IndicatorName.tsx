import { DefinedTerm } from '../../components/DefinedTerm';

/** An indicator's name with its definition on hover, on keyboard focus and for screen readers. */
export function IndicatorName({ name, definition }: { name: string; definition: string }) {
  return <DefinedTerm term={name} definition={definition} />;
}
