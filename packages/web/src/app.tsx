import { Spin } from 'antd';
import { Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { useAuth } from './auth/auth.tsx';
import { LoginPage, routes } from './routes.ts';
import { Shell } from './shell.tsx';

/** Signed out: the login page at any address (the address survives, so a reload after login lands there). */
export function App() {
  const { user } = useAuth();
  if (user === undefined) return <Spin fullscreen />;
  if (user === null) {
    return (
      <Suspense fallback={<Spin fullscreen />}>
        <LoginPage />
      </Suspense>
    );
  }
  return (
    <Shell>
      <Routes>
        {Object.entries(routes).map(([key, r]) => (
          <Route key={key} path={r.path} element={<r.Page />} />
        ))}
      </Routes>
    </Shell>
  );
}
