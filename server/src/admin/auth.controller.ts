import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AnyStaffMember, CurrentStaff, StaffApi, StaffPrincipal } from '../common/staff-access';
import { StaffAuthService } from '../staff/staff-auth.service';
import {
  loginSchema,
  MeResponse,
  refreshSchema,
  StaffUserSummary,
  TokenResponse,
  toMeResponse,
  toStaffUserSummary,
  toTokenResponse,
} from '../staff/staff.dto';
import { parseBody } from '../common/request-body';

@ApiTags('admin')
@Controller('admin/auth')
export class AdminAuthController {
  constructor(private readonly auth: StaffAuthService) {}

  @Post('login')
  @HttpCode(200)
  async login(@Body() body: unknown): Promise<TokenResponse<StaffUserSummary>> {
    const { email, password } = parseBody(loginSchema, body);
    const { staff, session } = await this.auth.login(email, password);
    return toTokenResponse(session, toStaffUserSummary(staff));
  }

  @Post('refresh')
  @HttpCode(200)
  async refresh(@Body() body: unknown): Promise<TokenResponse<StaffUserSummary>> {
    const { staff, session } = await this.auth.refresh(parseBody(refreshSchema, body).refreshToken);
    return toTokenResponse(session, toStaffUserSummary(staff));
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @StaffApi()
  @AnyStaffMember()
  async logout(@CurrentStaff() staff: StaffPrincipal): Promise<void> {
    await this.auth.logout(staff);
  }

  @Get('me')
  @ApiBearerAuth()
  @StaffApi()
  @AnyStaffMember()
  me(@CurrentStaff() staff: StaffPrincipal): MeResponse {
    return toMeResponse(staff);
  }
}
