import Shield from '@mui/icons-material/Shield';
import { Box, Link as MuiLink, Typography } from '@mui/material';
import { email, Login, LoginForm, PasswordInput, required, TextInput } from 'react-admin';
import { Link, useLocation } from 'react-router-dom';

/** Developers sign in with their e-mail address (react-admin's default form asks for a "username"). */
export const LoginPage = () => {
  // The sign-up page hands over the address it registered, so the developer types only the password.
  const registered = (useLocation().state as { email?: string } | null)?.email;
  return (
    <Login avatarIcon={<Shield />}>
      <Typography variant="h6" align="center">
        Warden for developers
      </Typography>
      <Typography variant="body2" align="center" color="text.secondary" sx={{ px: 2 }}>
        Sign in to manage your applications and API keys
      </Typography>
      <LoginForm>
        <TextInput
          autoFocus={!registered}
          source="email"
          label="Email"
          type="email"
          autoComplete="username"
          defaultValue={registered}
          validate={[required(), email()]}
        />
        <PasswordInput
          autoFocus={!!registered}
          source="password"
          label="Password"
          autoComplete="current-password"
          validate={required()}
        />
      </LoginForm>
      <Box sx={{ textAlign: 'center', pb: 2, px: 2 }}>
        <Typography variant="body2">
          New to Warden?{' '}
          <MuiLink component={Link} to="/sign-up">
            Create an account
          </MuiLink>
        </Typography>
      </Box>
    </Login>
  );
};
