import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { usePageTitle } from './usePageTitle';

/** A page: sets the document title and renders the one h1, with optional actions beside it. */
export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  usePageTitle(title);
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap="middle" className="page-header">
        <Typography.Title level={1} className="page-title">
          {title}
        </Typography.Title>
        {actions}
      </Flex>
      {children}
    </>
  );
}
