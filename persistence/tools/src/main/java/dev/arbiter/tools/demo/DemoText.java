package dev.arbiter.tools.demo;

import java.util.SplittableRandom;

/** The words of the demo: titles, labels, messages and notes, chosen to read like real cases. */
final class DemoText {

  private static final String[] GIG_TITLES = {
    "Logo and brand kit", "Product photo retouching (20 images)", "SEO audit of an online shop",
    "Podcast episode editing", "Translate app strings EN to ES", "WordPress speed optimisation",
    "Explainer video voice-over", "Resume and LinkedIn rewrite", "Etsy listing descriptions",
    "Fix checkout bug in Shopify theme"
  };
  private static final String[] FIXED_TITLES = {
    "Landing page design and build",
    "REST API integration with Stripe",
    "Pitch deck redesign",
    "Packaging design for a coffee brand",
    "Data migration to PostgreSQL",
    "Technical documentation for SDK",
    "Email newsletter templates",
    "Analytics dashboard in React",
    "Brand style guide",
    "Mobile onboarding screens"
  };
  private static final String[] HOURLY_TITLES = {
    "Ongoing bookkeeping in Xero", "Customer support (part time)", "DevOps on-call support",
    "Social media management", "Virtual assistant support", "QA testing for web app releases",
    "Content writing retainer", "Data entry and CRM clean-up"
  };
  private static final String[] PROJECT_TITLES = {
    "Marketplace mobile app MVP", "E-commerce platform rebuild", "Clinic booking system",
    "Internal HR portal", "Warehouse inventory app", "Learning platform for a language school"
  };
  private static final String[] STAGES = {
    "Discovery", "Design", "Build", "QA", "Launch", "Support"
  };
  private static final String[] MILESTONES = {
    "Wireframes", "First draft", "Revisions", "Final delivery", "Handover"
  };

  private static final String[] CLIENT_OPENERS = {
    "The deadline passed and I still have not received the final files.",
    "The delivered work doesn't match the brief: half of the agreed pages are missing.",
    "The freelancer stopped replying after the first draft.",
    "I was charged for revisions that were included in the original scope.",
    "Quality is far below the samples shown in the proposal.",
    "The code does not build and the tests in the brief fail.",
  };
  private static final String[] FREELANCER_OPENERS = {
    "The client approved the milestone in chat but has not released the payment.",
    "The client keeps adding requirements that were never part of the contract.",
    "All files were delivered on time; the client has gone silent since.",
    "The client asked for a refund after using the delivered work in production.",
  };
  private static final String[] REPLIES = {
    "I delivered everything through the shared folder on the due date; see the delivery notes.",
    "I asked twice for the missing assets and got no answer, that is why it was late.",
    "Happy to do one more revision, but the new pages were not in the original scope.",
    "The files I received do not open; I attached screenshots of the errors.",
    "We agreed on a different deadline by e-mail, I can forward the thread.",
    "I'm willing to accept a partial refund if the remaining work is finished this week.",
  };
  private static final String[] SUPPORT_TO_PARTIES = {
    "Thanks both. I'm reviewing the thread and the evidence and will come back within 48 hours.",
    "Could you each upload what was delivered and when? Timestamps help us a lot.",
    "The milestone is on hold while we review, so no money moves until this is settled.",
    "Based on the evidence I'm proposing a settlement; please confirm you both accept it.",
    "A reminder that a reply is due by the deadline shown above, otherwise the case escalates.",
  };
  private static final String[] INTERNAL_NOTES = {
    "Client has two earlier disputes, both dismissed. Watch for a pattern.",
    "Delivery timestamps check out against the upload log.",
    "Escalating: amount is above the team's approval threshold.",
    "Possible off-platform payment attempt in the thread, flagged to moderation.",
    "Called the freelancer, they confirmed they can finish by Friday.",
    "Split looks fair: roughly 60% of the scope was delivered.",
  };
  private static final String[] OFF_PLATFORM = {
    "Let's finish this over WhatsApp, I'll pay you directly by bank transfer.",
    "Send me your PayPal and I will cancel the contract here, cheaper for both of us.",
  };
  private static final String[] HOLD_REASONS = {
    "Client reported incomplete delivery; waiting for the final files.",
    "Invoice missing from the submission.",
    "Payout account failed verification.",
  };
  private static final String[] NOTES = {
    "Agency onboarding call done; payout account verified.",
    "Owner asked to raise the member limit for the spring campaign.",
    "Repeated late deliveries flagged by two clients this quarter.",
    "Compliance check: company registration documents received and valid.",
    "Asked the owner to remove a former member who still had admin rights.",
    "Dispute history reviewed; no pattern found.",
  };

  private DemoText() {}

  static String title(SplittableRandom r, String kind) {
    return switch (kind) {
      case "gig_order" -> DemoNames.pick(r, GIG_TITLES);
      case "fixed_price" -> DemoNames.pick(r, FIXED_TITLES);
      case "hourly" -> DemoNames.pick(r, HOURLY_TITLES);
      default -> DemoNames.pick(r, PROJECT_TITLES);
    };
  }

  static String checkpointLabel(String kind, int seq, int count) {
    return switch (kind) {
      case "gig_order" -> seq == 1 ? "Order delivery" : "Extra revision " + (seq - 1);
      case "hourly" -> "Week " + seq + " timesheet";
      case "project_stage" -> "Stage " + seq + ": " + STAGES[(seq - 1) % STAGES.length];
      default -> count == 1 ? "Full delivery" : "Milestone " + seq + ": " + milestone(seq, count);
    };
  }

  static String opener(SplittableRandom r, boolean byClient) {
    return DemoNames.pick(r, byClient ? CLIENT_OPENERS : FREELANCER_OPENERS);
  }

  static String reply(SplittableRandom r) {
    return DemoNames.pick(r, REPLIES);
  }

  static String supportToParties(SplittableRandom r) {
    return DemoNames.pick(r, SUPPORT_TO_PARTIES);
  }

  static String internalNote(SplittableRandom r) {
    return DemoNames.pick(r, INTERNAL_NOTES);
  }

  static String offPlatform(SplittableRandom r) {
    return DemoNames.pick(r, OFF_PLATFORM);
  }

  static String holdReason(SplittableRandom r) {
    return DemoNames.pick(r, HOLD_REASONS);
  }

  static String contactNote(SplittableRandom r) {
    return DemoNames.pick(r, NOTES);
  }

  static String resolution(String outcome) {
    return switch (outcome) {
      case "release_to_payee" -> "Work delivered as agreed; funds released to the freelancer.";
      case "refund_to_payer" -> "Work not delivered; the client is refunded in full.";
      case "split" -> "Partial delivery; funds split in proportion to the work done.";
      default -> "No breach found; the contract continues as agreed.";
    };
  }

  private static String milestone(int seq, int count) {
    if (seq == count) {
      return "Final delivery";
    }
    return MILESTONES[Math.min(seq - 1, MILESTONES.length - 2)];
  }
}
