import { defineModule } from '../module';
import { authRoutes } from './auth.routes';
import { sessions } from './sessions.table';

/** Sign-in, sessions, password change and the second factor. */
export const authModule = defineModule({
  name: 'auth',
  tables: [sessions],
  routes: (app, { services, config }) => app.register(authRoutes, { auth: services.auth, config }),
});
