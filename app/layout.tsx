import type { Metadata } from "next";
import "./globals.css";
import { HydrationMarker } from "@/components/shell/hydration-marker";

// Every page depends on the signed-in user or the database; nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Postmortems", template: "%s · Postmortems" },
  description: "Blameless postmortems of AI-system incidents",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        {children}
        <HydrationMarker />
      </body>
    </html>
  );
}
