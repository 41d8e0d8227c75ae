import { Tooltip } from 'antd';
import { useId } from 'react';

/**
 * An indicator's name that shows its definition on hover and on keyboard focus (a tooltip), and
 * gives it to screen readers as the name's description.
 */
export function IndicatorName({ name, definition }: { name: string; definition: string }) {
  const id = useId();
  if (!definition) return <>{name}</>;
  return (
    <>
      <Tooltip title={definition}>
        <span className="indicator-name" tabIndex={0} aria-describedby={id}>
          {name}
        </span>
      </Tooltip>
      <span id={id} className="visually-hidden">
        {definition}
      </span>
    </>
  );
}
