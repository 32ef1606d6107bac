import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { SecretProvider } from '../common/SecretProvider';
import { AppBar } from './AppBar';
import { useKeyboardOperableRows } from './keyboardRows';
import { Menu } from './Menu';

export const Layout = ({ children }: { children: ReactNode }) => {
  useKeyboardOperableRows();
  return (
    <RaLayout appBar={AppBar} menu={Menu}>
      <SecretProvider>{children}</SecretProvider>
    </RaLayout>
  );
};
