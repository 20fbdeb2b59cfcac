package dev.arbiter.tools.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Provider workspaces: every agency owner runs an agency, studio or collective, and some clients a
 * company. Each has members in several roles and states, invites in every state (only a hash of the
 * token is kept), and contact notes of every visibility, some correcting an earlier note.
 */
final class Workspaces {

  private static final long STREAM = 2;
  private static final String[] TYPES = {"agency", "studio", "collective", "company"};
  private static final String[][] SUFFIXES = {
    {"Digital", "Creative", "Partners", "Agency", "Media"},
    {"Studio", "Design Studio", "Labs", "Works"},
    {"Collective", "Guild", "Co-op"},
    {"Inc.", "GmbH", "Ltd", "Co."}
  };
  private static final String[] ROLES = {"admin", "manager", "member", "viewer"};

  private Workspaces() {}

  /** Writes the workspaces and everything in them; sellers who joined one are recorded. */
  static void generate(DemoWorld world, Batch batch, People people) {
    List<long[]> owners = new ArrayList<>(); // {owner, type}
    for (int seller : people.sellers()) {
      if (people.isAgencyOwner(seller)) {
        SplittableRandom r = world.random(STREAM, seller);
        owners.add(new long[] {seller, DemoWorld.weighted(r, 50, 35, 15)});
      }
    }
    for (int client : people.clients()) {
      if (world.random(STREAM, client).nextInt(100) < 12) {
        owners.add(new long[] {client, 3});
      }
    }
    List<List<Long>> members = new ArrayList<>();
    for (int i = 0; i < owners.size(); i++) {
      members.add(new ArrayList<>());
    }
    List<Integer> agencies = new ArrayList<>();
    for (int w = 0; w < owners.size(); w++) {
      if (owners.get(w)[1] < 3) {
        agencies.add(w);
      }
    }
    // Freelancers join agencies, studios and collectives; companies are made of clients.
    for (int seller : people.sellers()) {
      SplittableRandom r = world.random(STREAM + 100, seller);
      if (people.isFreelancer(seller) && !agencies.isEmpty() && r.nextInt(100) < 45) {
        members.get(agencies.get(r.nextInt(agencies.size()))).add((long) seller);
      }
    }
    for (int w = 0; w < owners.size(); w++) {
      long[] owner = owners.get(w);
      SplittableRandom r = world.random(STREAM + 200, w);
      if (owner[1] == 3) {
        for (int m = r.nextInt(4); m > 0; m--) {
          members.get(w).add(people.randomClient(r, 0));
        }
      }
      workspace(world, batch, people, r, owner[0], (int) owner[1], members.get(w));
    }
  }

  private static void workspace(
      DemoWorld world,
      Batch batch,
      People people,
      SplittableRandom r,
      long owner,
      int type,
      List<Long> memberIds) {
    long id = world.nextId(DemoTable.WORKSPACES);
    String name = DemoNames.company(r, DemoNames.pick(r, SUFFIXES[type]));
    String slug = DemoNames.slug(name) + "-" + id;
    DemoNames.Person ownerPerson = DemoNames.person(world.random(1, owner));
    long created = world.base - DemoWorld.between(r, 20 * DemoWorld.DAY, 900 * DemoWorld.DAY);
    int status = DemoWorld.weighted(r, 90, 6, 4);
    Json settings =
        Json.object()
            .put("payout_schedule", DemoNames.pick(r, new String[] {"weekly", "monthly"}))
            .put("member_limit", 5 + r.nextInt(20));
    if (r.nextInt(3) == 0) {
      settings.put("_internal_account_manager", DemoWorld.ADMIN);
    }
    if (r.nextInt(8) == 0) {
      settings.put("private_billing_note", "Invoice via purchase order only");
    }
    batch
        .rows(DemoTable.WORKSPACES, status == 0 ? DemoWorld.BACKEND : DemoWorld.ADMIN)
        .add(id)
        .add(owner)
        .add(name)
        .add(slug)
        .add(TYPES[type])
        .add(DemoNames.timezone(ownerPerson.country()))
        .add(people.currency(owner))
        .add("hello+" + id + "@" + DemoNames.slug(name) + ".example")
        .add(new String[] {"active", "suspended", "archived"}[status])
        .add(settings.toString())
        .time(created)
        .time(created + DemoWorld.HOUR)
        .end();
    member(world, batch, id, owner, "owner", "active", 0, created, 0);
    Set<Long> seen = new HashSet<>();
    seen.add(owner);
    for (long user : memberIds) {
      if (!seen.add(user)) {
        continue;
      }
      long joined = DemoWorld.between(r, created + DemoWorld.HOUR, world.base - DemoWorld.DAY);
      int memberStatus = DemoWorld.weighted(r, 85, 7, 8);
      String memberState = new String[] {"active", "suspended", "removed"}[memberStatus];
      long removed =
          memberStatus == 2 ? DemoWorld.between(r, joined + DemoWorld.DAY, world.base) : 0;
      String role = ROLES[DemoWorld.weighted(r, 15, 20, 50, 15)];
      member(world, batch, id, user, role, memberState, owner, joined, removed);
      if (memberStatus == 0 && type != 3) {
        people.joinWorkspace(user, id);
      }
    }
    if (type != 3) {
      people.joinWorkspace(owner, id);
    }
    Invites.write(world, batch, r, id, owner, created);
    notes(world, batch, r, id, owner, created, memberIds);
    if (r.nextInt(12) == 0) {
      FlagGroups.Outcome outcome =
          FlagGroups.Outcome.values()[DemoWorld.weighted(r, 40, 15, 30, 15)];
      FlagGroups.write(
          world, batch, r, "workspace", id, owner, outcome, created, 0, "impersonation", "fraud");
    }
  }

  private static void member(
      DemoWorld world,
      Batch batch,
      long workspace,
      long user,
      String role,
      String status,
      long invitedBy,
      long joined,
      long removed) {
    batch
        .rows(
            DemoTable.WORKSPACE_MEMBERS, role.equals("owner") ? DemoWorld.BACKEND : DemoWorld.ADMIN)
        .add(world.nextId(DemoTable.WORKSPACE_MEMBERS))
        .add(workspace)
        .add(user)
        .add(role)
        .add(status)
        .ref(invitedBy)
        .time(joined)
        .time(removed)
        .time(Math.max(joined, removed))
        .end();
  }

  private static void notes(
      DemoWorld world,
      Batch batch,
      SplittableRandom r,
      long workspace,
      long owner,
      long created,
      List<Long> members) {
    int count = 1 + r.nextInt(3);
    long previous = 0;
    String previousVisibility = "";
    long at = created;
    String[] visibilities = {"private", "workspace", "compliance"};
    for (int i = 0; i < count; i++) {
      long id = world.nextId(DemoTable.CONTACT_NOTES);
      at = DemoWorld.between(r, at + DemoWorld.HOUR, world.base - DemoWorld.HOUR);
      boolean supersedes = previous > 0 && r.nextInt(3) == 0;
      String author = r.nextBoolean() ? DemoWorld.ADMIN : DemoWorld.SUPPORT;
      long subject = members.isEmpty() || r.nextBoolean() ? owner : members.get(0);
      String visibility = visibilities[(int) ((id + r.nextInt(2)) % 3)];
      if (supersedes && previousVisibility.equals("compliance")) {
        // A compliance record is only ever corrected by another compliance record (V60).
        visibility = "compliance";
      }
      batch
          .rows(DemoTable.CONTACT_NOTES, author)
          .add(id)
          .add(workspace)
          .ref(r.nextInt(5) == 0 ? 0 : subject)
          .add(author)
          .add((supersedes ? "Correction: " : "") + DemoText.contactNote(r))
          .add(visibility)
          .ref(supersedes ? previous : 0)
          .time(at)
          .time(at)
          .end();
      previous = id;
      previousVisibility = visibility;
    }
  }
}
