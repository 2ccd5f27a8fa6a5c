import { createRoot } from 'react-dom/client';
import { ConsoleApp } from './app';
import './console.css';

createRoot(document.getElementById('root') as HTMLElement).render(<ConsoleApp />);
