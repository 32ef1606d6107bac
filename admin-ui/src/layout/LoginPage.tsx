import Shield from '@mui/icons-material/Shield';
import { Typography } from '@mui/material';
import { email, Login, LoginForm, PasswordInput, required, TextInput } from 'react-admin';

/** Staff sign in with their e-mail address (react-admin's default form asks for a "username"). */
export const LoginPage = () => (
  <Login avatarIcon={<Shield />}>
    <Typography variant="h6" align="center">
      Warden console
    </Typography>
    <Typography variant="body2" align="center" color="text.secondary">
      Staff sign-in
    </Typography>
    <LoginForm>
      <TextInput
        autoFocus
        source="email"
        label="Email"
        type="email"
        autoComplete="username"
        validate={[required(), email()]}
      />
      <PasswordInput
        source="password"
        label="Password"
        autoComplete="current-password"
        validate={required()}
      />
    </LoginForm>
  </Login>
);
