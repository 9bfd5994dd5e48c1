// The base of the walkthrough (like core-bot's CancelAndHelpDialog): « aide », « où en suis-je », « annuler » and
// « reprendre ma candidature » work at any step. « retour » and « passer » depend on the question: the
// questionnaire dialog handles them.
import { ComponentDialog, Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { am } from './messages.ts';
import { commandOf } from './commands.ts';
import { inputOf, langOfTurn, say } from './services.ts';

/** An inner dialog that can explain its current step and tell how far along it is. */
export interface Assisting {
  help(dc: DialogContext): Promise<void>;
  progress(dc: DialogContext): Promise<void>;
}

function isAssisting(d: unknown): d is Assisting {
  return !!d && typeof (d as Assisting).help === 'function' && typeof (d as Assisting).progress === 'function';
}

export abstract class InterruptibleDialog extends ComponentDialog {
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return (await this.interrupt(innerDc)) ?? super.onContinueDialog(innerDc);
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const { text, card } = inputOf(innerDc.context);
    const command = card?.arobase === 'command' ? card.command : commandOf(text);
    switch (command) {
      case 'help':
      case 'progress': {
        const active = innerDc.activeDialog && innerDc.findDialog(innerDc.activeDialog.id);
        if (isAssisting(active)) await active[command](innerDc);
        return Dialog.EndOfTurn;
      }
      case 'cancel':
        // The answers are already in the database: cancelling only stops asking.
        await say(innerDc.context, am(langOfTurn(innerDc.context), 'cancelled'));
        return innerDc.cancelAllDialogs();
      case 'start':
        // « reprendre ma candidature » mid-way: start again from the database (another member may have answered).
        await innerDc.cancelAllDialogs();
        return innerDc.beginDialog(this.initialDialogId);
      default:
        return undefined;
    }
  }
}
