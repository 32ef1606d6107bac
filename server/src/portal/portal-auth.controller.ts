import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { parseBody } from '../common/request-body';
import { loginSchema, refreshSchema, TokenResponse, toTokenResponse } from '../staff/staff.dto';
import { CurrentDeveloper, DeveloperAuthGuard } from './developer-auth.guard';
import { DeveloperPrincipal } from './developer-principal';
import { PortalAuthService } from './portal-auth.service';
import {
  DeveloperSummary,
  REGISTRATION_ACCEPTED,
  RegistrationResponse,
  registerSchema,
  toDeveloperSummary,
} from './portal.dto';

@ApiTags('portal')
@Controller('portal/auth')
export class PortalAuthController {
  constructor(private readonly auth: PortalAuthService) {}

  /** 202 whether or not the address was already registered; the developer signs in next. */
  @Post('register')
  @HttpCode(202)
  async register(@Body() body: unknown): Promise<RegistrationResponse> {
    await this.auth.register(parseBody(registerSchema, body));
    return REGISTRATION_ACCEPTED;
  }

  @Post('login')
  @HttpCode(200)
  async login(@Body() body: unknown): Promise<TokenResponse<DeveloperSummary>> {
    const { email, password } = parseBody(loginSchema, body);
    const { developer, organization, session } = await this.auth.login(email, password);
    return toTokenResponse(session, toDeveloperSummary(developer, organization));
  }

  @Post('refresh')
  @HttpCode(200)
  async refresh(@Body() body: unknown): Promise<TokenResponse<DeveloperSummary>> {
    const { developer, organization, session } = await this.auth.refresh(
      parseBody(refreshSchema, body).refreshToken,
    );
    return toTokenResponse(session, toDeveloperSummary(developer, organization));
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @UseGuards(DeveloperAuthGuard)
  async logout(@CurrentDeveloper() developer: DeveloperPrincipal): Promise<void> {
    await this.auth.logout(developer);
  }

  @Get('me')
  @ApiBearerAuth()
  @UseGuards(DeveloperAuthGuard)
  async me(@CurrentDeveloper() principal: DeveloperPrincipal): Promise<DeveloperSummary> {
    const { developer, organization } = await this.auth.me(principal);
    return toDeveloperSummary(developer, organization);
  }
}
