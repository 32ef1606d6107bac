import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { WardenAppBar } from '@warden/web-common';
import { SecretProvider } from '../common/SecretProvider';
import { useKeyboardOperableRows } from './keyboardRows';
import { Menu } from './Menu';

export const Layout = ({ children }: { children: ReactNode }) => {
  useKeyboardOperableRows();
  return (
    <RaLayout appBar={WardenAppBar} menu={Menu}>
      <SecretProvider>{children}</SecretProvider>
    </RaLayout>
  );
};
