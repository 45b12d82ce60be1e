import { Injectable, Module } from '@nestjs/common';
import { JwtModule, JwtService } from '@nestjs/jwt';
import { PassportStrategy } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ExtractJwt, Strategy } from 'passport-jwt';

export const jwtConstants = {
  secret: 'DO NOT USE THIS VALUE. INSTEAD, CREATE A COMPLEX SECRET AND KEEP IT SAFE OUTSIDE OF THE SOURCE CODE.', // expect: hardcoded-secret:11
};

@Module({
  imports: [
    JwtModule.register({
      global: true,
      secret: jwtConstants.secret,
      signOptions: { expiresIn: '60s' },
    }),
    JwtModule.registerAsync({
      useFactory: () => ({ secret: 'async-module-secret', signOptions: { expiresIn: '1h' } }), // expect: hardcoded-secret:36
    }),
    TypeOrmModule.forRoot({
      type: 'mysql',
      username: 'nest',
      password: 'nest-db-pass', // expect: hardcoded-secret:17
      autoLoadEntities: true,
    }),
  ],
})
export class AuthModule {}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      ignoreExpiration: false,
      secretOrKey: 'strategy-secret', // expect: hardcoded-secret:20
    });
  }

  validate(payload: { sub: string }) {
    return { userId: payload.sub };
  }
}

@Injectable()
export class TokenService {
  constructor(private readonly jwtService: JwtService) {}

  issueReset(userId: string) {
    return this.jwtService.signAsync({ sub: userId }, { secret: 'reset-token-secret', expiresIn: '15m' }); // expect: hardcoded-secret:65
  }
}
