import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A page's title with its controls on the right, and its content below. */
export function Page({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <Flex wrap gap={8} align="center">
          {extra}
        </Flex>
      </Flex>
      {children}
    </Flex>
  );
}
