/** The newsprism web app: a shell (skip link, header, navigation) around five pages. */
import { render } from 'preact';
import { PageTitle } from './components/common';
import { AddPage } from './pages/Add';
import { ArticlePage } from './pages/Article';
import { StoriesPage } from './pages/Stories';
import { QueuePage } from './pages/Queue';
import { StoryPage } from './pages/Story';
import { installLinkInterception, type Location, matchRoute, useLocation } from './router';
import './styles.css';

function Content({ location }: { location: Location }) {
  const route = matchRoute(location.path);
  switch (route.name) {
    case 'stories':
      return <StoriesPage location={location} />;
    case 'story':
      return <StoryPage key={route.id} id={route.id} />;
    case 'article':
      return <ArticlePage key={route.id} id={route.id} location={location} />;
    case 'add':
      return <AddPage />;
    case 'queue':
      return <QueuePage />;
    default:
      return (
        <>
          <PageTitle title="Not found">Page not found</PageTitle>
          <p>
            Nothing lives at <code>{location.path}</code>. <a href="/">Go to the stories</a>.
          </p>
        </>
      );
  }
}

function App() {
  const location = useLocation();
  const route = matchRoute(location.path).name;
  const current = (name: string) => (route === name || (name === 'stories' && route === 'story') ? 'page' : undefined);
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="site-header">
        <a class="brand" href="/">
          <svg class="logo" viewBox="0 0 32 32" aria-hidden="true">
            <path d="M16 3 29 27H3z" class="logo-back" />
            <path d="M16 3 22 27H10z" class="logo-front" />
          </svg>
          newsprism
        </a>
        <nav aria-label="Main">
          <a href="/" aria-current={current('stories')}>
            Stories
          </a>
          <a href="/add" aria-current={current('add')}>
            Add pages
          </a>
          <a href="/queue" aria-current={current('queue')}>
            Queue
          </a>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Content location={location} />
      </main>
      <footer class="site-footer muted">newsprism — one story, many outlets.</footer>
    </>
  );
}

installLinkInterception();
render(<App />, document.getElementById('app')!);
