import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { SecretDialog, type IssuedSecret } from './SecretDialog';

interface Shown {
  title: string;
  secrets: IssuedSecret[];
  onClose?: () => void;
}

type ShowSecrets = (title: string, secrets: IssuedSecret[], onClose?: () => void) => void;

const SecretContext = createContext<ShowSecrets | null>(null);

/**
 * Shows newly issued secrets from the layout rather than from the button that asked for them: the button's row
 * may re-render away (a rotated key is no longer active, an approved application leaves a filtered queue)
 * while the secret, shown only once, is still on screen.
 */
export const SecretProvider = ({ children }: { children: ReactNode }) => {
  const [shown, setShown] = useState<Shown | null>(null);
  const show = useCallback<ShowSecrets>((title, secrets, onClose) => {
    if (secrets.length > 0) setShown({ title, secrets, onClose });
    else onClose?.();
  }, []);
  const close = () => {
    shown?.onClose?.();
    setShown(null);
  };
  const value = useMemo(() => show, [show]);
  return (
    <SecretContext.Provider value={value}>
      {children}
      <SecretDialog title={shown?.title ?? ''} secrets={shown?.secrets ?? null} onClose={close} />
    </SecretContext.Provider>
  );
};

export function useShowSecrets(): ShowSecrets {
  const show = useContext(SecretContext);
  if (!show) throw new Error('useShowSecrets must be used inside <SecretProvider>');
  return show;
}
