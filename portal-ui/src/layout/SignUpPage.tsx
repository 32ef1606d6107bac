import CheckCircle from '@mui/icons-material/CheckCircle';
import PersonAdd from '@mui/icons-material/PersonAdd';
import {
  Alert,
  Box,
  Button,
  CardContent,
  CircularProgress,
  Link as MuiLink,
  Typography,
} from '@mui/material';
import {
  MIN_PASSWORD_LENGTH,
  registerSchema,
  type RegisterInput,
  type RegistrationResponse,
} from '@warden/contracts';
import { useState } from 'react';
import { Form, HttpError, Login, PasswordInput, TextInput } from 'react-admin';
import { Link, useNavigate } from 'react-router-dom';
import { postJson } from '../session';

/** The same rules as the server's schema, plus the length its strength check starts with. */
function validateRegistration(values: Partial<RegisterInput>): Record<string, string> {
  const errors: Record<string, string> = {};
  const parsed = registerSchema.safeParse(values);
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = String(issue.path[0]);
    errors[field] ??=
      field === 'email' ? 'Enter a valid e-mail address' : issue.input ? issue.message : 'Required';
  }
  if (!errors.password && (values.password ?? '').length < MIN_PASSWORD_LENGTH) {
    errors.password = `At least ${MIN_PASSWORD_LENGTH} characters`;
  }
  return errors;
}

/** A 400 lists its problems as "field: message; field: message"; each goes under its own input. */
function fieldErrors(error: unknown): Record<string, string> | null {
  if (!(error instanceof HttpError) || error.status !== 400) return null;
  const errors: Record<string, string> = {};
  for (const problem of error.message.split('; ')) {
    const [field, ...message] = problem.split(': ');
    if (['organizationName', 'email', 'password'].includes(field)) {
      // "is too easy to guess: …" follows a field name on the server; under the field it stands alone.
      const text = message.join(': ').replace(/^is /, '');
      errors[field] = text.charAt(0).toUpperCase() + text.slice(1);
    }
  }
  return Object.keys(errors).length > 0 ? errors : null;
}

/**
 * Registration answers 202 whether or not the address already had an account (so it tells nobody which), and signs
 * nobody in: the page says so and leads to the sign-in form with the address filled in.
 */
export const SignUpPage = () => {
  const navigate = useNavigate();
  const [registered, setRegistered] = useState<{ email: string; message: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const submit = async (values: Record<string, unknown>) => {
    setSending(true);
    setFailure(null);
    try {
      const answer = await postJson<RegistrationResponse>('/auth/register', values);
      setRegistered({ email: String(values.email), message: answer.message });
    } catch (error) {
      const errors = fieldErrors(error);
      if (errors) return errors;
      setFailure(error instanceof Error ? error.message : 'Registration failed');
    } finally {
      setSending(false);
    }
  };

  return (
    <Login avatarIcon={registered ? <CheckCircle /> : <PersonAdd />}>
      <Typography variant="h6" align="center">
        {registered ? 'Now sign in' : 'Create your developer account'}
      </Typography>
      {registered ? (
        <CardContent sx={{ width: 340 }}>
          <Alert severity="success" sx={{ mb: 2 }} data-testid="registration-accepted">
            {registered.message}
          </Alert>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            For your privacy the answer is the same whether or not {registered.email} already had an account.
            Sign in with it to create your first application.
          </Typography>
          <Button
            variant="contained"
            fullWidth
            onClick={() => navigate('/login', { state: { email: registered.email } })}
          >
            Continue to sign in
          </Button>
        </CardContent>
      ) : (
        <>
          <Typography variant="body2" align="center" color="text.secondary" sx={{ px: 3, maxWidth: 340 }}>
            An account for you and a new organization. Then apply for access and get a sandbox key right away.
          </Typography>
          <Form onSubmit={submit} validate={validateRegistration} noValidate>
            <CardContent sx={{ width: 340 }}>
              {failure && (
                <Alert severity="error" sx={{ mb: 2 }}>
                  {failure}
                </Alert>
              )}
              <TextInput
                autoFocus
                source="organizationName"
                label="Organization name"
                helperText="Your company, team or project"
                autoComplete="organization"
              />
              <TextInput source="email" label="Email" type="email" autoComplete="username" />
              <PasswordInput
                source="password"
                label="Password"
                autoComplete="new-password"
                helperText={`${MIN_PASSWORD_LENGTH} characters or more, hard to guess`}
              />
              <Button type="submit" variant="contained" fullWidth disabled={sending} sx={{ mt: 2 }}>
                {sending ? <CircularProgress size={19} thickness={3} /> : 'Create account'}
              </Button>
            </CardContent>
          </Form>
        </>
      )}
      <Box sx={{ textAlign: 'center', pb: 2, px: 2 }}>
        <Typography variant="body2">
          Already have an account?{' '}
          <MuiLink component={Link} to="/login">
            Sign in
          </MuiLink>
        </Typography>
      </Box>
    </Login>
  );
};
