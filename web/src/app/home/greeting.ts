/** The part of day an Indonesian greeting names: pagi, siang, sore or malam. */
export function partOfDay(hour: number): "morning" | "midday" | "afternoon" | "evening" {
  if (hour >= 4 && hour < 11) return "morning";
  if (hour >= 11 && hour < 15) return "midday";
  if (hour >= 15 && hour < 18) return "afternoon";
  return "evening";
}
