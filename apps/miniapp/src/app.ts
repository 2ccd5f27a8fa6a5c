import { type PropsWithChildren } from 'react';
import './app.scss';

/** Pages render as children; login starts lazily with the first user request (see shared/api/request). */
function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
