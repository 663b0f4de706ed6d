"use client";

import { SectionCard } from "@/components/postmortem/section-card";
import type { SectionProps } from "@/components/postmortem/section-props";
import { useSectionForm } from "@/components/postmortem/use-section-form";
import { SectionForm, SectionTextField } from "@/components/postmortem/sections/section-fields";
import { SECTION_LABELS } from "@/lib/domain/severity-policy";
import { LESSON_QUESTIONS } from "@/lib/domain/template";

export function LessonsSection({ doc, canEdit }: SectionProps) {
  const api = useSectionForm({
    section: "lessons",
    postmortemId: doc.id,
    values: {
      lessonsWentWell: doc.lessonsWentWell,
      lessonsCouldImprove: doc.lessonsCouldImprove,
      lessonsDoDifferently: doc.lessonsDoDifferently,
    },
    canEdit,
  });
  const names = doc.participants.map((p) => p.name);
  return (
    <SectionCard id="lessons" title={SECTION_LABELS.lessons} state={api.state}>
      <SectionForm api={api}>
        <SectionTextField api={api} name="lessonsWentWell" label={LESSON_QUESTIONS.wentWell} multiline blamelessNames={names} />
        <SectionTextField api={api} name="lessonsCouldImprove" label={LESSON_QUESTIONS.couldImprove} multiline blamelessNames={names} />
        <SectionTextField api={api} name="lessonsDoDifferently" label={LESSON_QUESTIONS.doDifferently} multiline blamelessNames={names} />
      </SectionForm>
    </SectionCard>
  );
}
