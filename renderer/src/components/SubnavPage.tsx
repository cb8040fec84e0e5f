import type { ReactNode } from 'react';
import { Link, useRoute } from 'wouter';

export interface SubnavTab {
  href: string;
  label: string;
}

function Tab({ href, label }: SubnavTab) {
  const [active] = useRoute(href);
  return (
    <Link href={href} className={active ? 'subnav-tab active' : 'subnav-tab'} aria-current={active ? 'page' : undefined}>
      {label}
    </Link>
  );
}

/** A screen of a feature with several: its title and what it is for, the feature's tabs (`label` names them), then the screen. */
export function SubnavPage({
  label,
  tabs,
  title,
  subtitle,
  className,
  children,
}: {
  label: string;
  tabs: readonly SubnavTab[];
  title: string;
  subtitle: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section className={className ? `page ${className}` : 'page'} aria-labelledby="subnav-page-title">
      <header className="page-header">
        <div>
          <h1 id="subnav-page-title">{title}</h1>
          <p className="subtitle">{subtitle}</p>
        </div>
      </header>
      <nav className="subnav" aria-label={label}>
        {tabs.map((t) => (
          <Tab key={t.href} {...t} />
        ))}
      </nav>
      {children}
    </section>
  );
}
